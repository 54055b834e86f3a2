import { forwardRef } from 'react';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import SecurityIcon from '@mui/icons-material/Security';
import { AppBar, Layout, Link, LoadingIndicator, Logout, ToggleThemeButton, UserMenu, useUserMenu, type LayoutProps } from 'react-admin';
import { NotificationBell } from '../notifications';
import { GroupedMenu } from './GroupedMenu';

const PasswordMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const menu = useUserMenu();
  return (
    <MenuItem ref={ref} component={Link} to="/password" onClick={() => menu?.onClose()} {...props}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>修改密码</ListItemText>
    </MenuItem>
  );
});

const TotpMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const menu = useUserMenu();
  return (
    <MenuItem ref={ref} component={Link} to="/totp" onClick={() => menu?.onClose()} {...props}>
      <ListItemIcon>
        <SecurityIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>两步验证</ListItemText>
    </MenuItem>
  );
});

const AppUserMenu = () => (
  <UserMenu>
    <PasswordMenuItem />
    <TotpMenuItem />
    <Logout />
  </UserMenu>
);

const AppToolbar = () => (
  <>
    <NotificationBell />
    <ToggleThemeButton />
    <LoadingIndicator />
  </>
);

const AppAppBar = () => <AppBar userMenu={<AppUserMenu />} toolbar={<AppToolbar />} />;

/** react-admin's layout with "修改密码" in the user menu and the menu grouped by capability. */
export const AppLayout = (props: LayoutProps) => <Layout {...props} appBar={AppAppBar} menu={GroupedMenu} />;
