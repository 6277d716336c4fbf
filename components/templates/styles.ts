/** Styles of the options-page template library, scoped under `.tr-lib`. */
export const templateLibraryStyles = /* css */ `
.tr-lib { font: 14px/1.6 -apple-system, "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1f2329; }
.tr-lib button { font: inherit; cursor: pointer; padding: 4px 10px; border: 1px solid #c9cdd4; border-radius: 6px; background: #fff; }
.tr-lib button:hover { background: #f2f3f5; }
.tr-lib button.tr-primary { background: #3370ff; border-color: #3370ff; color: #fff; }
.tr-lib button.tr-primary:disabled { background: #bacefd; border-color: #bacefd; cursor: not-allowed; }
.tr-lib button.tr-danger { color: #b42318; border-color: #f4b4ad; }
.tr-lib button.tr-link { border: 0; background: none; color: #3370ff; padding: 0 4px; }
.tr-lib input[type="text"], .tr-lib input[type="search"], .tr-lib textarea {
  font: inherit; padding: 5px 8px; border: 1px solid #c9cdd4; border-radius: 6px; width: 100%; box-sizing: border-box;
}
.tr-lib textarea { min-height: 140px; resize: vertical; }
.tr-lib__notice { padding: 8px 12px; border-radius: 6px; margin-bottom: 12px; }
.tr-lib__notice[data-kind="warn"] { background: #fff7e6; color: #8a5300; }
.tr-lib__notice[data-kind="error"] { background: #fdecea; color: #b42318; }
.tr-lib__notice[data-kind="ok"] { background: #e5f6ea; color: #1a7f37; }
.tr-lib__toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 12px; }
.tr-lib__toolbar input[type="search"] { flex: 1; min-width: 220px; width: auto; }
.tr-lib__cols { display: grid; grid-template-columns: 180px minmax(240px, 1fr) minmax(320px, 1.3fr); gap: 16px; align-items: start; }
.tr-lib__folders { list-style: none; margin: 0; padding: 0; }
.tr-lib__folders li { display: flex; align-items: center; gap: 4px; }
.tr-lib__folder { flex: 1; text-align: left; border: 0 !important; background: none !important; padding: 4px 8px !important; border-radius: 6px; }
.tr-lib__folder[aria-current="true"] { background: #e8efff !important; color: #1d4ed8; }
.tr-lib__count { color: #8f959e; font-size: 12px; }
.tr-lib__list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.tr-lib__item { border: 1px solid #eceef0; border-radius: 8px; padding: 8px 10px; }
.tr-lib__item[aria-current="true"] { border-color: #3370ff; }
.tr-lib__item-title { font-weight: 600; display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.tr-lib__badge { font-size: 11px; color: #646a73; background: #f2f3f5; border-radius: 4px; padding: 0 4px; font-weight: normal; }
.tr-lib__excerpt { color: #646a73; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tr-lib__actions { display: flex; gap: 4px; margin-top: 4px; }
.tr-lib__editor, .tr-lib__import { border: 1px solid #eceef0; border-radius: 8px; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
.tr-lib__editor label, .tr-lib__import label { display: flex; flex-direction: column; gap: 4px; }
.tr-lib__chips { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.tr-lib__chip { font-size: 12px !important; padding: 0 6px !important; border-radius: 10px !important; background: #f0f4ff !important; border-color: #d6e2ff !important; color: #1d4ed8; }
.tr-lib__checks { display: flex; flex-wrap: wrap; gap: 4px 12px; border: 0; padding: 0; margin: 0; }
.tr-lib__checks label { flex-direction: row !important; align-items: center; gap: 4px; }
.tr-lib__errors { color: #b42318; margin: 0; padding-left: 18px; }
.tr-lib__warn { color: #b45309; font-size: 12px; }
.tr-lib__diff { border-collapse: collapse; width: 100%; font-size: 13px; }
.tr-lib__diff th, .tr-lib__diff td { border-bottom: 1px solid #eceef0; padding: 4px 6px; text-align: left; vertical-align: top; }
.tr-lib__diff tr[data-status="invalid"] td { color: #b42318; }
.tr-lib__diff tr[data-status="added"] td:nth-child(2) { color: #1a7f37; }
.tr-lib__diff tr[data-status="changed"] td:nth-child(2) { color: #1d4ed8; }
.tr-lib__diff tr[data-status="unchanged"] td { color: #8f959e; }
.tr-lib__row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
`;
