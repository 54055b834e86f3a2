import type { CSSProperties } from 'react';

/**
 * The H5 build's file chooser with a Chinese face (issue 16 §3): a browser's own file input says
 * "Choose Files / No file chosen" in the device's language, so the input is hidden inside a label
 * that reads `label` and opens it. H5 only — the WeChat build uses Taro.chooseImage/chooseMessageFile.
 * `onChange` gets the input's change event (files, and value to reset after reading).
 */
export function FileInput({
  label,
  accept,
  multiple = false,
  disabled = false,
  className = 'file-input-label',
  onChange,
}: {
  label: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  className?: string;
  onChange: (e: { target: { files: FileList | null; value: string } }) => void;
}) {
  const style: CSSProperties = {
    display: 'inline-block',
    padding: '8px 16px',
    margin: '8px 0',
    border: '1px dashed #c8c9cc',
    borderRadius: '6px',
    color: disabled ? '#c8c9cc' : '#1989fa',
    cursor: disabled ? 'not-allowed' : 'pointer',
  };
  return (
    <label className={className} style={style}>
      {label}
      <input
        className="file-input"
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        style={{ display: 'none' }}
        onChange={onChange as never}
      />
    </label>
  );
}
