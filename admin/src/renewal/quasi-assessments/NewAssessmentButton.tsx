import AddTaskIcon from '@mui/icons-material/AddTask';
import { Link } from 'react-router-dom';
import { usePermissions, useRecordContext } from 'react-admin';
import { Button as MuiButton } from '@mui/material';

/** On an enrolment: the district records this year's assessment (the create form comes with the enrolment chosen). */
export const NewAssessmentButton = () => {
  const record = useRecordContext();
  const { permissions } = usePermissions<string | null>();
  if (!record || permissions !== 'district_staff') return null;
  return (
    <MuiButton
      component={Link}
      to={`/quasi-assessments/create?source=${encodeURIComponent(JSON.stringify({ enrolmentId: record.id }))}`}
      startIcon={<AddTaskIcon />}
      variant="outlined"
      size="small"
    >
      年度考核
    </MuiButton>
  );
};
