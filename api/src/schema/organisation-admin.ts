import '../builder.js';

// Filled in by issue 11 (organisation-admin).
