import VpnKeyOutlinedIcon from '@mui/icons-material/VpnKeyOutlined';
import { lazyPage } from '../../common/lazyPage';

// 个人信息密钥轮换: a page (city admin), registered as a read-only resource for its menu entry and canAccess.
export const keyRotation = {
  list: lazyPage(() => import('./KeyRotationPage').then((m) => m.KeyRotationPage)),
  icon: VpnKeyOutlinedIcon,
};
