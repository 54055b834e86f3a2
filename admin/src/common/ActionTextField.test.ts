import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ActionTextField } from './ActionTextField';

// Issue 15 "One set of rules": every RecordActionDialog body shows the API's 400 message on its own field.
const render = (errors: Record<string, string>, hint?: string) =>
  renderToStaticMarkup(
    createElement(ActionTextField, { label: '异议理由', field: 'reason', errors, value: '', onChange: () => undefined, hint, testId: 'objection-reason' }),
  );

test('the field the API refused shows its message and is marked invalid', () => {
  const html = render({ reason: '异议理由不能为空' }, '请写明理由');
  expect(html).toContain('异议理由不能为空');
  expect(html).not.toContain('请写明理由');
  expect(html).toContain('aria-invalid="true"');
  expect(html).toContain('data-testid="objection-reason"');
});

test('another field’s message is not shown here; the hint is', () => {
  const html = render({ evidence: '证明材料无效' }, '请写明理由');
  expect(html).not.toContain('证明材料无效');
  expect(html).toContain('请写明理由');
  expect(html).toContain('aria-invalid="false"');
});
