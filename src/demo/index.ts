export { municipalities2020 } from './municipalities';
export type { Municipality } from './municipalities';
export { demoFocusAreas, demoSurveyRows } from './demoSurvey';
export type { DemoFocusArea, DemoSurveyOptions, DemoSurveyRow } from './demoSurvey';
