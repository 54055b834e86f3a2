// The console's home page is by role (admin/src/home/): to-dos, alerts and comparison charts.
export { HomePage as Dashboard } from './home/HomePage';
