import { useRouter } from '@tarojs/taro';

import { StaffLoginPage } from '../../../components/StaffLoginPage';
import { staffLogin } from '../../../services/workorders';
import '../workorders.scss';

const QUEUE = '/packages/workorders/list/index';

/** Field staff sign in with their console account (residents keep the WeChat login). */
export default function WorkOrdersLoginPage() {
  const { params } = useRouter();
  // Back to the work order that asked for the login, but never out of the work-order package.
  const next = () => {
    const back = params.redirect ? decodeURIComponent(params.redirect) : QUEUE;
    return back.startsWith('/packages/workorders/') ? back : QUEUE;
  };
  return <StaffLoginPage title="物业工作人员登录" hint="使用物业服务企业在管理平台的账号登录；居民请返回首页用微信登录。" login={staffLogin} next={next} />;
}
