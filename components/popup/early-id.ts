/** The element the early rows are written in (early.ts), removed by the React popup's first commit (Popup.tsx). */
export const EARLY_ID = 'early';
