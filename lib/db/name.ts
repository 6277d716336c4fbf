/**
 * The extension's IndexedDB name, alone in a module without imports: the popup's first-rows read
 * (components/popup/first-rows.ts) opens the database before any other module of the popup has run.
 */
export const DB_NAME = 'ticket-radar';
