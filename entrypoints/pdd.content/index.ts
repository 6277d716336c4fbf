import { pddAdapter } from '@/lib/adapters/pdd';
import { startOverlay } from '@/lib/overlay/start';
import { freshnessIndicator } from '@/lib/features/freshness-indicator';

export default defineContentScript({
  matches: ['https://mms.pinduoduo.com/*'],
  runAt: 'document_start',
  main(ctx) {
    freshnessIndicator.init(ctx.signal);
    startOverlay(ctx, pddAdapter);
  },
});
