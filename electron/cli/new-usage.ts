// Help and usage errors of `edition-desk new`, apart from the verb so --help loads nothing else.

export const NEW_HELP = `  edition-desk new DIR --title T --date YYYY-MM-DD --size 对开|四开|A3|A4 --pages N [--template ID[,ID…]]
                              write an empty edition (no stories, no photos) to the new folder
                              DIR (".edition" is added when missing) and print its path; pages
                              from the templates front, feature, photo (default: front, then
                              feature; a list gives one per page, its last one repeating)`;

export class NewUsageError extends Error {}
