import { installHook } from '@/lib/overlay/hook';
import { endpointPaths } from '@/lib/adapters/pdd/endpoints';
import { matchesOf } from '@/lib/adapters/manifest';
import { pddMeta } from '@/lib/adapters/pdd/meta';

/** MAIN world at document_start: wrap fetch/XHR before the page's SPA makes its first request. */
export default defineContentScript({
  // From the adapter's meta.ts (plain data, no zod), like every marketplace fact of the manifest.
  matches: matchesOf(pddMeta),
  allFrames: pddMeta.allFrames,
  world: 'MAIN',
  // No `var <name> = …` global in the page: an anonymous IIFE leaves nothing a page script could look for.
  globalName: false,
  runAt: 'document_start',
  main() {
    installHook({ paths: Object.values(endpointPaths) });
  },
});
