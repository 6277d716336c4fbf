import { taobaoAdapter } from '@/lib/adapters/taobao';
import { startOverlay } from '@/lib/overlay/start';

export default defineContentScript({
  matches: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    startOverlay(ctx, taobaoAdapter);
  },
});
