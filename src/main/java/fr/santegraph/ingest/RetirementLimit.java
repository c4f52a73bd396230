package fr.santegraph.ingest;

import java.util.Locale;

/**
 * How much of what the graph holds one import may retire. A truncated download, a header-only file or a COG file
 * that lists a few communes would otherwise retire the rest of the directory and exit 0; past the limit the import
 * refuses before writing anything, naming the figure, unless the caller says it means it.
 *
 * @param maxShare the largest share of the active nodes in the import's scope it may retire (0.05: 5 %)
 * @param allowed  {@code --allow-mass-retirement}: no limit
 */
public record RetirementLimit(double maxShare, boolean allowed) {

    public static final double DEFAULT_SHARE = 0.05;
    public static final RetirementLimit DEFAULT = new RetirementLimit(DEFAULT_SHARE, false);
    public static final RetirementLimit NONE = new RetirementLimit(1, true);

    public RetirementLimit {
        if (!(maxShare >= 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("--max-retired-share must be between 0 and 1 (or 0 % and 100 %), not "
                    + maxShare);
        }
    }

    /** {@code --max-retired-share 0.05} (or {@code 5%}) and {@code --allow-mass-retirement}. */
    public static RetirementLimit of(ImportRequest request) {
        double share = request.option("max-retired-share").map(RetirementLimit::parseShare).orElse(DEFAULT_SHARE);
        return new RetirementLimit(share, request.flag("allow-mass-retirement"));
    }

    private static double parseShare(String text) {
        String value = text.strip();
        try {
            return value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1).strip()) / 100
                    : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-retired-share " + text + " is not a share (0.05 or 5%)");
        }
    }

    /** Fails when retiring {@code retiring} of {@code active} {@code what} goes past the limit. */
    public void check(String what, long retiring, long active) {
        if (allowed || retiring == 0 || active == 0) {
            return;
        }
        double share = (double) retiring / active;
        if (share > maxShare) {
            throw new ImportFailedException(String.format(Locale.ROOT,
                    "refusing to retire %d of %d active %s (%.1f %%, above the limit of %.1f %%): nothing was changed. "
                            + "A truncated or failed download? If the file is right, run again with "
                            + "--allow-mass-retirement (or a higher --max-retired-share).",
                    retiring, active, what, share * 100, maxShare * 100));
        }
    }
}
