/**
 * Where finalize writes a run's report files in the report bucket: `reports/<runId>/report.json`,
 * `report.html` and `report.dsse.json`. The stack grants PutObject under this prefix only.
 */
export const reportObjectPrefix = 'reports/';
