/** Where the popup's entry finds whether (and when) the early rows were written (early.ts). */
export const EARLY_GLOBAL = '__ticketRadarEarly';
/** Dispatched on window when the early script has started (it may run after the popup's entry module). */
export const EARLY_EVENT = 'ticket-radar:early';
