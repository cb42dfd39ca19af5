export { municipalities2020 } from './municipalities';
export type { Municipality } from './municipalities';
export { demoFocusAreas, demoSupportForms, demoSurveyRows, demoTargetGroups, demoTopics } from './demoSurvey';
export type { DemoFocusArea, DemoSurveyOptions, DemoSurveyRow, DemoTargetGroup } from './demoSurvey';
