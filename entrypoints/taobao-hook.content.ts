import { installHook } from '@/lib/overlay/hook';
import { endpointPaths, recordRows } from '@/lib/adapters/taobao/endpoints';

/**
 * MAIN world at document_start on the Taobao/Tmall seller center. No JSON endpoint is known there, so no
 * response is copied (`endpointPaths` is empty); the refund list's Fusion rows hand their `record` prop
 * over instead [modelled shape, lib/adapters/taobao/refund-list-records.ts]. All frames, so a list mounted in a
 * frame is covered too (the hook wraps each frame once).
 */
export default defineContentScript({
  matches: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*'],
  world: 'MAIN',
  // No `var <name> = …` global in the page: an anonymous IIFE leaves nothing a page script could look for.
  globalName: false,
  runAt: 'document_start',
  allFrames: true,
  main() {
    installHook({ paths: Object.values(endpointPaths), records: recordRows });
  },
});
