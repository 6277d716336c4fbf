/**
 * The picker's words. The picker runs inside marketplace pages (a content script's shadow root) and
 * gets its locale as a prop, so its few strings live here rather than in `_locales`.
 */
export const PICKER_STRINGS = {
  zh: {
    dialogLabel: '回复模板',
    searchPlaceholder: '搜索模板：标题、内容、标签或拼音首字母（如 tk）',
    searchLabel: '搜索模板',
    noResults: '没有匹配的模板',
    noTemplates: '还没有模板，可在扩展设置中添加',
    insert: '插入',
    close: '关闭',
    hint: '↑↓ 选择 · Enter 插入 · Esc 关闭',
    missing: (n: number) => `还有 ${n} 个变量需要填写`,
    fillPrompt: '请填写',
    unknownVars: (list: string) => `无法识别的变量将按原文插入：${list}`,
    preview: '预览',
    usage: (n: number) => `已用 ${n} 次`,
    note: '提醒',
    resultsLabel: '模板列表',
  },
  en: {
    dialogLabel: 'Reply templates',
    searchPlaceholder: 'Search title, text, tags or pinyin initials (e.g. tk)',
    searchLabel: 'Search templates',
    noResults: 'No matching template',
    noTemplates: 'No templates yet; add some in the extension options',
    insert: 'Insert',
    close: 'Close',
    hint: '↑↓ choose · Enter insert · Esc close',
    missing: (n: number) => `${n} variable${n === 1 ? '' : 's'} still to fill in`,
    fillPrompt: 'Fill in',
    unknownVars: (list: string) => `Unknown variables are inserted as written: ${list}`,
    preview: 'Preview',
    usage: (n: number) => `used ${n}×`,
    note: 'Reminder',
    resultsLabel: 'Templates',
  },
} as const;

export type PickerLocale = keyof typeof PICKER_STRINGS;
