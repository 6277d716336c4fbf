import { installHook } from '@/lib/overlay/hook';
import { matchesOf } from '@/lib/adapters/manifest';
import { taobaoMeta } from '@/lib/adapters/taobao/meta';
import { endpointPaths, recordRows } from '@/lib/adapters/taobao/endpoints';

/**
 * MAIN world at document_start on the Taobao/Tmall seller center. No JSON endpoint is known there, so no
 * response is copied (`endpointPaths` is empty); the refund list's Fusion rows hand their `record` prop
 * over instead [modelled shape, lib/adapters/taobao/refund-list-records.ts]. All frames, so a list mounted in a
 * frame is covered too (the hook wraps each frame once).
 */
export default defineContentScript({
  // From the adapter's meta.ts (plain data, no zod), like every marketplace fact of the manifest.
  matches: matchesOf(taobaoMeta),
  world: 'MAIN',
  // No `var <name> = …` global in the page: an anonymous IIFE leaves nothing a page script could look for.
  globalName: false,
  runAt: 'document_start',
  allFrames: taobaoMeta.allFrames,
  main() {
    installHook({ paths: Object.values(endpointPaths), records: recordRows });
  },
});
