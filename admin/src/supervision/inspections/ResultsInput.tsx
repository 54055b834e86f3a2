import { Box, Checkbox, FormControlLabel, MenuItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useGetList, useInput, ValidationError } from 'react-admin';
import { PhotoUploads } from '../../common/UploadedFilesInput';
import { CHECKLIST_CATEGORY_LABELS, resultChoices } from '../inspectionChoices';

type Item = { id: number; code: string; category: keyof typeof CHECKLIST_CATEGORY_LABELS; text: string; onSpot: boolean; fireLane: boolean };
type Result = {
  itemId: number;
  result: 'passed' | 'failed' | 'not_applicable';
  photos: string[];
  note: string | null;
  correctedOnSpot: boolean;
  rectificationPhotos: string[];
};

/** Every active checklist item with its result (合格 / 不合格 / 不适用), photos, note and on-the-spot correction. */
export const ResultsInput = () => {
  const { data: items = [], isPending } = useGetList<Item>('inspection-checklist-items', {
    filter: { active: true },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'sortOrder', order: 'ASC' },
  });
  const { field, fieldState } = useInput({ source: 'results', defaultValue: [] });
  const results: Result[] = Array.isArray(field.value) ? field.value : [];
  const get = (item: Item): Result =>
    results.find((r) => r.itemId === item.id) ?? { itemId: item.id, result: 'passed', photos: [], note: null, correctedOnSpot: false, rectificationPhotos: [] };
  const set = (item: Item, patch: Partial<Result>) => {
    const all = items.map((i) => get(i));
    field.onChange(all.map((r) => (r.itemId === item.id ? { ...r, ...patch } : r)));
  };
  // Every item starts 合格, so the form sends each item once.
  useEffect(() => {
    if (items.length && results.length !== items.length) field.onChange(items.map((i) => get(i)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items.length, results.length]);
  if (isPending) return <Typography>正在读取检查条目…</Typography>;
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="h6">检查结果</Typography>
      {fieldState.error?.message && (
        <Typography color="error" variant="caption">
          <ValidationError error={fieldState.error.message as never} />
        </Typography>
      )}
      {items.map((item) => {
        const r = get(item);
        return (
          <Box key={item.id} data-testid={`result-${item.code}`} sx={{ borderBottom: 1, borderColor: 'divider', py: 1 }}>
            <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap">
              <Typography sx={{ minWidth: 360 }}>
                {item.code}【{CHECKLIST_CATEGORY_LABELS[item.category]}】{item.text}
                {item.onSpot ? '（须当场改正）' : ''}
              </Typography>
              <MuiTextField
                select
                size="small"
                label="结果"
                value={r.result}
                onChange={(e) =>
                  set(item, {
                    result: e.target.value as Result['result'],
                    ...(e.target.value === 'failed' ? {} : { correctedOnSpot: false, rectificationPhotos: [] }),
                  })
                }
                inputProps={{ 'data-testid': `result-${item.code}-select` }}
                sx={{ minWidth: 120 }}
              >
                {resultChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {c.name}
                  </MenuItem>
                ))}
              </MuiTextField>
              {r.result === 'failed' && (
                <>
                  <PhotoUploads testId={`result-${item.code}-photos`} value={r.photos} onChange={(photos) => set(item, { photos })} />
                  <MuiTextField
                    size="small"
                    label="问题说明"
                    value={r.note ?? ''}
                    onChange={(e) => set(item, { note: e.target.value || null })}
                    inputProps={{ 'data-testid': `result-${item.code}-note` }}
                  />
                  {item.onSpot && (
                    <FormControlLabel
                      control={<Checkbox checked={r.correctedOnSpot} onChange={(e) => set(item, { correctedOnSpot: e.target.checked })} />}
                      label="已当场改正"
                    />
                  )}
                  {r.correctedOnSpot && (
                    <PhotoUploads
                      testId={`result-${item.code}-rectification`}
                      value={r.rectificationPhotos}
                      onChange={(rectificationPhotos) => set(item, { rectificationPhotos })}
                    />
                  )}
                </>
              )}
            </Stack>
          </Box>
        );
      })}
    </Box>
  );
};
