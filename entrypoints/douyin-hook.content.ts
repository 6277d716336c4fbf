/**
 * MAIN-world observer for 抖店 (fxg.jinritemai.com): copies 售后 list responses and reads 服务工单 React row
 * records (lib/overlay/hook.ts). Every frame, because the 售后 list may sit in a same-origin iframe.
 * Imports only endpoint patterns, so this bundle carries no zod or readers.
 */
import { installHook } from '@/lib/overlay/hook';
import { matchesOf } from '@/lib/adapters/manifest';
import { douyinMeta } from '@/lib/adapters/douyin/meta';
import { endpointPaths, recordSource } from '@/lib/adapters/douyin/endpoints';

export default defineContentScript({
  // From the adapter's meta.ts (plain data, no zod), like every marketplace fact of the manifest.
  matches: matchesOf(douyinMeta),
  world: 'MAIN',
  // No `var <name> = …` global in the page: an anonymous IIFE leaves nothing a page script could look for.
  globalName: false,
  runAt: 'document_start',
  allFrames: douyinMeta.allFrames,
  main() {
    installHook({ paths: Object.values(endpointPaths), records: recordSource });
  },
});
