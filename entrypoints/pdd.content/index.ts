import { pddAdapter } from '@/lib/adapters/pdd';
import { startOverlay } from '@/lib/overlay/start';

export default defineContentScript({
  matches: ['https://mms.pinduoduo.com/*'],
  runAt: 'document_start',
  main(ctx) {
    startOverlay(ctx, pddAdapter);
  },
});
