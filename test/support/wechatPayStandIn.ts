/**
 * The local WeChat Pay APIv3 stand-in for tests (issue 13). It lives in server/src/pay/standIn.ts
 * because the demo start (outside production) runs it too; tests import it from here.
 */
export { startWechatPayStandIn, RETRY_SCHEDULE_SECONDS, type WechatPayStandIn, type NotifyFaults, type Delivery } from '../../server/src/pay/standIn';
