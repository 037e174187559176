// Starts GOV.UK Frontend's components (service navigation menu, skip link,
// notification banners, buttons). The pages work without it.
import { initAll } from '../vendor/govuk-frontend.min.js';

initAll();
