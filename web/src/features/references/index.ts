// What other features use from references: the manager's section and the learner's own view.
export { ReferenceSection } from './components/ReferenceSection';
export { LearnerReferenceView } from './components/LearnerReferenceView';
