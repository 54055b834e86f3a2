import { StaffLoginPage } from '../../../../components/StaffLoginPage';
import { inspectLogin } from '../api';
import '../inspect.scss';

/** Inspectors and company staff sign in with their console account (residents keep the WeChat login). */
export default function InspectLoginPage() {
  return (
    <StaffLoginPage
      title="消防安全检查与日常巡查"
      hint="使用社区、街道、区住建局或物业企业在管理平台的账号登录。"
      login={inspectLogin}
      next={() => '/packages/supervision/inspect/list/index'}
    />
  );
}
