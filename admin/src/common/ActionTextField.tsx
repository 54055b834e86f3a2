import { TextField, type TextFieldProps } from '@mui/material';

type Props = Omit<TextFieldProps, 'value' | 'onChange' | 'error' | 'helperText'> & {
  /** The API field this text is sent as: its 400 message (RecordActionDialog's `errors`) shows under it. */
  field: string;
  errors: Record<string, string>;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field while the API has nothing to say about it. */
  hint?: string;
  testId?: string;
};

/** A text field in a RecordActionDialog body, wired to the dialog's field errors. */
export function ActionTextField({ field, errors, value, onChange, hint, testId, ...rest }: Props) {
  return (
    <TextField
      {...rest}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!errors[field]}
      helperText={errors[field] ?? hint}
      inputProps={testId ? { 'data-testid': testId } : undefined}
    />
  );
}
