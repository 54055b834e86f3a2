import { Box, Typography } from '@mui/material';
import { Login } from 'react-admin';
import { appZh } from '../i18n/zh';
import { StaffLoginForm } from './StaffLoginForm';

export const LoginPage = () => (
  <Login>
    <Box sx={{ px: 2, pb: 1, textAlign: 'center' }}>
      <Typography variant="h6" component="h1">
        {appZh.title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        管理后台
      </Typography>
    </Box>
    <StaffLoginForm />
  </Login>
);
