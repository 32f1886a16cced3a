/**
 * Folders that hold a repository's test inputs (fixtures, test data, mocks): what they contain is
 * not part of the repository's product. A package.json or an API description there is an input of
 * a test, not a package or an API of the repository, so discovery and the sections leave them out.
 */
export const TEST_FOLDER = /(^|\/)(tests?|__tests__|fixtures?|__fixtures__|testdata|test-data|__mocks__)\//i;
