import { installHook } from '@/lib/overlay/hook';
import { endpointPaths } from '@/lib/adapters/pdd/endpoints';

/** MAIN world at document_start: wrap fetch/XHR before the page's SPA makes its first request. */
export default defineContentScript({
  matches: ['https://mms.pinduoduo.com/*'],
  world: 'MAIN',
  // No `var <name> = …` global in the page: an anonymous IIFE leaves nothing a page script could look for.
  globalName: false,
  runAt: 'document_start',
  main() {
    installHook({ paths: Object.values(endpointPaths) });
  },
});
