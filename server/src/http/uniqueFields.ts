// Which form field a unique constraint is about, and what to tell the person who typed it (issue 16
// §3: a duplicate compound code is an error on 小区编码, not a pop-up). Keyed by the constraint's
// name as PostgreSQL reports it (the index names in server/src/db/schema); a constraint no form
// can hit need not be here — it is answered with the general DUPLICATE message.

export type UniqueField = { field: string; message: string };

export const UNIQUE_FIELDS: Record<string, UniqueField> = {
  regions_pkey: { field: 'id', message: '该区划代码已存在' },
  compounds_code_idx: { field: 'code', message: '小区编码已被其他小区使用' },
  buildings_compound_name_idx: { field: 'name', message: '本小区已有同名楼栋' },
  units_building_name_idx: { field: 'name', message: '本楼栋已有同名单元' },
  households_unit_room_idx: { field: 'room', message: '本单元已有此房号' },
  household_members_phone_uq: { field: 'phone', message: '此手机号已登记为本房屋的家庭成员或租户' },
  users_username_idx: { field: 'username', message: '用户名已被使用' },
  companies_credit_code_idx: { field: 'creditCode', message: '该统一社会信用代码已登记' },
  blacklist_entries_active_company_idx: { field: 'companyId', message: '该企业已在黑名单中，移出前不能重复列入' },
  filings_pending_project_kind_idx: { field: 'kind', message: '该项目已有同类备案在审核中' },
  fund_accounts_compound_idx: { field: 'compoundId', message: '该小区已开立维修资金账户' },
  party_orgs_name_idx: { field: 'name', message: '已有同名党组织' },
  party_members_name_phone_idx: { field: 'phone', message: '已登记同名且同一电话的党员' },
  red_projects_compound_year_idx: { field: 'designation', message: '该小区本年度已有此项示范称号' },
  service_levels_scale_code_idx: { field: 'code', message: '同一规模下已有此等级编码' },
  service_levels_scale_order_idx: { field: 'order', message: '同一规模下已有此等级次序' },
  upgrade_plans_region_year_idx: { field: 'year', message: '本区划该年度已有提档升级计划' },
  upgrade_plan_items_plan_project_idx: { field: 'projectId', message: '该项目已在本计划中' },
  awards_project_kind_year_idx: { field: 'year', message: '该项目本年度已获此项评定' },
  cost_reports_company_year_idx: { field: 'year', message: '该企业本年度已报送成本' },
  staff_company_staff_no_idx: { field: 'staffNo', message: '本企业已有此工号' },
  renewal_surveys_compound_idx: { field: 'compoundId', message: '该小区已有摸底调查' },
  quasi_assessments_enrolment_year_idx: { field: 'year', message: '该小区本年度已有考核' },
  subsidy_batches_region_year_idx: { field: 'year', message: '本区划该年度已有补助批次' },
  subsidy_lines_batch_enrolment_idx: { field: 'enrolmentId', message: '该小区已在本批次中' },
  billing_run_projects_project_period_idx: { field: 'period', message: '所选项目该月已计费或正在计费' },
  bills_household_item_period_idx: { field: 'period', message: '该房屋此收费项目在该计费期已有账单' },
  inspection_checklist_items_code_idx: { field: 'code', message: '已有此代码的检查条目' },
  kpi_targets_year_indicator_idx: { field: 'indicator', message: '该年度已设定此项指标的目标' },
};
