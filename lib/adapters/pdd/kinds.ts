import type { KindMap } from '../types';

/**
 * PDD `problemTitle` / `afterSalesTitle` words → our kinds. Order matters: the first match wins, so
 * specific words come before general ones (退货退款 is a return, not a refund).
 * Evidence: titles in tests/fixtures/pdd/*.json (e.g. 消费者申请退款后提示拦截, 物流异常主动服务).
 */
export const pddKinds: KindMap = [
  [/催发货|未发货|发货超时/, 'urge-ship'],
  [/揽收/, 'urge-pickup'],
  [/换货/, 'exchange'],
  [/退货/, 'return'],
  [/退款|拦截/, 'refund'],
  [/物流|快递|派送|签收|运单/, 'logistics'],
  [/审核|通知|公告|违规/, 'platform-notice'],
  [/咨询|询问/, 'consult'],
];

export function kindOf(title: string, map: KindMap = pddKinds, fallback: 'service-request' | 'other' = 'service-request') {
  return map.find(([re]) => re.test(title))?.[1] ?? fallback;
}
