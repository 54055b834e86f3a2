import { StaffLoginPage } from '../../../components/StaffLoginPage';
import { surveyLogin } from '../../../services/renewalSurvey';
import '../renewal.scss';

/** Community and street staff sign in with their console account to survey old compounds. */
export default function SurveyLoginPage() {
  return (
    <StaffLoginPage title="老旧小区摸底调查" hint="使用社区、街道在管理平台的账号登录。" login={surveyLogin} next={() => '/packages/renewal/surveys/index'} />
  );
}
