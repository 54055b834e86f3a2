export type RowClick = 'edit' | 'show' | false;

/**
 * Where a list row leads: the edit page to whoever may edit the resource, else its show page to
 * whoever may read it, else nowhere. A reader sent to an edit page landed on 无权访问 (issue 16,
 * "what each user expects"): bureau staff read registries only the city or a company keeps.
 */
export function rowClickTarget(page: { hasEdit: boolean; mayEdit: boolean; hasShow: boolean; mayShow: boolean }): RowClick {
  if (page.hasEdit && page.mayEdit) return 'edit';
  if (page.hasShow && page.mayShow) return 'show';
  return false;
}
