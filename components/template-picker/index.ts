export { TemplatePicker, moveActive, type TemplatePickerProps } from './TemplatePicker';
export { templatePickerStyles } from './styles';
export { isOpenPickerShortcut, OPEN_PICKER_SHORTCUT_LABEL, type ShortcutEventLike } from './shortcut';
