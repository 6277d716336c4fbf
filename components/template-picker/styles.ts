/**
 * The picker's CSS, as a string the overlay puts into the shadow root (no page stylesheet reaches in,
 * and none of ours leaks out). Every rule is under `.tr-picker` so it is safe in a shared root too.
 */
export const templatePickerStyles = /* css */ `
.tr-picker {
  all: initial;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  width: min(640px, 96vw);
  max-height: min(460px, 80vh);
  font: 13px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif;
  color: #1f2329;
  background: #fff;
  border: 1px solid #d0d3d6;
  border-radius: 8px;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18);
  overflow: hidden;
}
.tr-picker *, .tr-picker *::before, .tr-picker *::after { box-sizing: border-box; }
.tr-picker__head { display: flex; gap: 6px; padding: 8px; border-bottom: 1px solid #eceef0; }
.tr-picker__search {
  flex: 1;
  font: inherit;
  padding: 6px 8px;
  border: 1px solid #c9cdd4;
  border-radius: 6px;
  outline: none;
}
.tr-picker__search:focus { border-color: #3370ff; box-shadow: 0 0 0 2px rgba(51, 112, 255, 0.2); }
.tr-picker__close {
  font: inherit;
  border: 0;
  background: transparent;
  color: #646a73;
  cursor: pointer;
  padding: 0 8px;
  border-radius: 6px;
}
.tr-picker__close:hover { background: #f2f3f5; }
.tr-picker__main { display: flex; min-height: 0; flex: 1; }
.tr-picker__list {
  list-style: none;
  margin: 0;
  padding: 4px;
  width: 42%;
  overflow-y: auto;
  border-right: 1px solid #eceef0;
}
.tr-picker__item { padding: 6px 8px; border-radius: 6px; cursor: pointer; }
.tr-picker__item[aria-selected="true"] { background: #e8efff; }
.tr-picker__item:hover { background: #f2f3f5; }
.tr-picker__item[aria-selected="true"]:hover { background: #dde7ff; }
.tr-picker__title { font-weight: 600; display: flex; gap: 6px; align-items: baseline; }
.tr-picker__shortcut {
  font: 11px/1.4 ui-monospace, Menlo, Consolas, monospace;
  color: #3370ff;
  background: #f0f4ff;
  border-radius: 4px;
  padding: 0 4px;
}
.tr-picker__meta { color: #8f959e; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tr-picker__empty { padding: 16px 8px; color: #8f959e; }
.tr-picker__preview { flex: 1; display: flex; flex-direction: column; min-width: 0; padding: 8px 10px; overflow-y: auto; }
.tr-picker__body { white-space: pre-wrap; word-break: break-word; flex: 1; }
.tr-picker__var {
  border-radius: 3px;
  padding: 0 2px;
  background: #e5f6ea;
  color: #1a7f37;
}
.tr-picker__var-input {
  font: inherit;
  width: 9em;
  padding: 0 4px;
  margin: 0 1px;
  border: 1px dashed #d97706;
  border-radius: 3px;
  background: #fff7e6;
  color: #1f2329;
}
.tr-picker__var-input:focus { outline: none; border-style: solid; box-shadow: 0 0 0 2px rgba(217, 119, 6, 0.25); }
.tr-picker__var-input[data-filled="true"] { border-style: solid; border-color: #1a7f37; background: #e5f6ea; }
.tr-picker__note { margin-top: 8px; padding: 6px 8px; border-radius: 6px; background: #fff7e6; color: #8a5300; }
.tr-picker__warn { margin-top: 6px; color: #b42318; font-size: 12px; }
.tr-picker__foot {
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 8px;
  border-top: 1px solid #eceef0;
  color: #8f959e;
  font-size: 12px;
}
.tr-picker__status { flex: 1; }
.tr-picker__status[data-missing="true"] { color: #b45309; }
.tr-picker__insert {
  font: inherit;
  padding: 5px 16px;
  border: 0;
  border-radius: 6px;
  background: #3370ff;
  color: #fff;
  cursor: pointer;
}
.tr-picker__insert:disabled { background: #bacefd; cursor: not-allowed; }
`;
