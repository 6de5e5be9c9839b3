// What other features use of jobs: the hook and the progress component.
export { isFinished, useCancelJob, useJob, type Job, type JobEvent, type JobStatus } from './api';
export { JobProgress, type JobProgressProps } from './components/JobProgress';
