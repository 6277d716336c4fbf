/**
 * Redaction for captures a merchant sends us: buyer names, phones and addresses are removed, ids, times,
 * statuses and product names are kept (they are what an adapter fix needs). Pure.
 */
export const REDACTED = '‹已脱敏›';

/** Keys whose values identify a person. Product, shop and status fields are deliberately not matched. */
const PERSONAL_KEY =
  /(buyer|nick|user_?name|receiver|consignee|contact|phone|mobile|tel(?!l)|address|addr|province|city|district|town|street|email|mail|id_?card|real_?name|wangwang|avatar)/i;
const SAFE_KEY =
  /(goods|product|shop|mall|title|type|status|desc|reason|tag|time|id$|_id|sn$|amount|fee|price|count|total)/i;

const PHONE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)/g;
const MASKED_PHONE = /(?<!\d)1[3-9]\d\*{4}\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/g;
/** `买家：张三`, `收货人: 李四 138…`, `地址：浙江省杭州市…` — the value after a personal label. */
const LABELLED =
  /((?:买家|买家昵称|收货人|收件人|联系人|姓名|手机号?|电话|联系电话|收货地址|地址|详细地址)\s*[:：]\s*)([^\s,，;；|]+(?:[ \t]+[^\s,，;；|:：]+)?)/g;
/** A Chinese postal address: province/city/district followed by street words. */
const ADDRESS =
  /[\u4e00-\u9fa5]{2,}(?:省|自治区)[\u4e00-\u9fa5]{1,}(?:市|州|盟)[\u4e00-\u9fa5\d\-号路街道巷弄栋单元室村镇区县]{2,}/g;

export function redactText(s: string): string {
  return s
    .replace(LABELLED, (_m, label: string) => `${label}${REDACTED}`)
    .replace(ADDRESS, REDACTED)
    .replace(PHONE, REDACTED)
    .replace(MASKED_PHONE, REDACTED)
    .replace(LANDLINE, REDACTED)
    .replace(EMAIL, REDACTED);
}

/** Redacts a parsed JSON value: personal keys lose their values, every string is scrubbed for phones etc. */
export function redactJson(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return PERSONAL_KEY.test(key) && !SAFE_KEY.test(key) ? REDACTED : redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v, k)]));
  }
  if (typeof value === 'number' && PERSONAL_KEY.test(key) && !SAFE_KEY.test(key)) return 0;
  return value;
}
