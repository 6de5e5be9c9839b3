// What other features use of jobs: the hooks, the progress bar and the status badge.
export { isFinished, useCancelJob, useJob, useReloadOnJobStatus, type Job, type JobEvent, type JobStatus } from './api';
export { JobProgress, type JobProgressProps } from './components/JobProgress';
export { JobStatusBadge } from './components/JobStatusBadge';
