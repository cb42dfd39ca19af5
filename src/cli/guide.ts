/**
 * The command line guide, where a user who installed the package from npm can read it (the
 * package holds only `dist/`, so help texts link to the repository, not to `docs/cli.md`).
 */
export const CLI_GUIDE_URL = 'https://github.com/likertkit/likertkit/blob/main/docs/cli.md';
