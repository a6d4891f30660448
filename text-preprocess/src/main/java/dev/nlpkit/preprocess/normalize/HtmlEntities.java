package dev.nlpkit.preprocess.normalize;

import java.util.HashMap;
import java.util.Map;

/**
 * The HTML 4.01 named character entities (the 252 of the HTML 4 DTDs) plus {@code &apos;}, and the numeric
 * forms. Numeric references in 0x80..0x9F are read as Windows-1252, as HTML5 and Python's
 * {@code html.unescape} do ({@code &#150;} is an en dash).
 */
final class HtmlEntities {

    private static final String[] LATIN1 = {
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
        "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
        "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
        "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH",
        "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
        "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
        "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml",
        "yacute", "thorn", "yuml"};

    private static final String[] GREEK = {
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu",
        "Xi", "Omicron", "Pi", "Rho", null, "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega"};

    /** Windows-1252 code points for bytes 0x80..0x9F (0 where the byte is undefined). */
    private static final int[] CP1252 = {
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178};

    private static final Map<String, Integer> NAMED = new HashMap<>();

    static {
        for (int i = 0; i < LATIN1.length; i++) {
            NAMED.put(LATIN1[i], 160 + i);
        }
        for (int i = 0; i < GREEK.length; i++) {
            if (GREEK[i] != null) {
                NAMED.put(GREEK[i], 913 + i);
                NAMED.put(GREEK[i].toLowerCase(java.util.Locale.ROOT), 945 + i);
            }
        }
        NAMED.put("sigmaf", 962);
        NAMED.put("thetasym", 977);
        NAMED.put("upsih", 978);
        NAMED.put("piv", 982);
        Object[] rest = {
            "quot", 34, "amp", 38, "apos", 39, "lt", 60, "gt", 62, "OElig", 338, "oelig", 339, "Scaron", 352,
            "scaron", 353, "Yuml", 376, "fnof", 402, "circ", 710, "tilde", 732, "ensp", 8194, "emsp", 8195,
            "thinsp", 8201, "zwnj", 8204, "zwj", 8205, "lrm", 8206, "rlm", 8207, "ndash", 8211, "mdash", 8212,
            "lsquo", 8216, "rsquo", 8217, "sbquo", 8218, "ldquo", 8220, "rdquo", 8221, "bdquo", 8222,
            "dagger", 8224, "Dagger", 8225, "bull", 8226, "hellip", 8230, "permil", 8240, "prime", 8242,
            "Prime", 8243, "lsaquo", 8249, "rsaquo", 8250, "oline", 8254, "frasl", 8260, "euro", 8364,
            "image", 8465, "weierp", 8472, "real", 8476, "trade", 8482, "alefsym", 8501, "larr", 8592,
            "uarr", 8593, "rarr", 8594, "darr", 8595, "harr", 8596, "crarr", 8629, "lArr", 8656, "uArr", 8657,
            "rArr", 8658, "dArr", 8659, "hArr", 8660, "forall", 8704, "part", 8706, "exist", 8707, "empty", 8709,
            "nabla", 8711, "isin", 8712, "notin", 8713, "ni", 8715, "prod", 8719, "sum", 8721, "minus", 8722,
            "lowast", 8727, "radic", 8730, "prop", 8733, "infin", 8734, "ang", 8736, "and", 8743, "or", 8744,
            "cap", 8745, "cup", 8746, "int", 8747, "there4", 8756, "sim", 8764, "cong", 8773, "asymp", 8776,
            "ne", 8800, "equiv", 8801, "le", 8804, "ge", 8805, "sub", 8834, "sup", 8835, "nsub", 8836,
            "sube", 8838, "supe", 8839, "oplus", 8853, "otimes", 8855, "perp", 8869, "sdot", 8901, "lceil", 8968,
            "rceil", 8969, "lfloor", 8970, "rfloor", 8971, "lang", 9001, "rang", 9002, "loz", 9674,
            "spades", 9824, "clubs", 9827, "hearts", 9829, "diams", 9830};
        for (int i = 0; i < rest.length; i += 2) {
            NAMED.put((String) rest[i], (Integer) rest[i + 1]);
        }
    }

    private HtmlEntities() {
    }

    /**
     * Decodes the entity starting with {@code '&'} at {@code text[at]}.
     *
     * @return {@code -1} if there is no valid entity there; otherwise the code point in the high 32 bits
     *         and the entity length (including {@code &} and {@code ;}) in the low 32 bits
     */
    static long decode(char[] text, int at, int length) {
        int p = at + 1;
        if (p >= length) {
            return -1;
        }
        if (text[p] == '#') {
            p++;
            int radix = 10;
            if (p < length && (text[p] == 'x' || text[p] == 'X')) {
                radix = 16;
                p++;
            }
            int digitsStart = p;
            long value = 0;
            while (p < length && p - digitsStart < 8 && Character.digit(text[p], radix) >= 0) {
                value = value * radix + Character.digit(text[p], radix);
                p++;
            }
            if (p == digitsStart || p >= length || text[p] != ';') {
                return -1;
            }
            int cp = (int) value;
            if (cp >= 0x80 && cp <= 0x9F && CP1252[cp - 0x80] != 0) {
                cp = CP1252[cp - 0x80];
            }
            if (cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                cp = 0xFFFD;
            }
            return ((long) cp << 32) | (p + 1 - at);
        }
        int nameStart = p;
        while (p < length && p - nameStart <= 8 && isAsciiAlnum(text[p])) {
            p++;
        }
        if (p == nameStart || p >= length || text[p] != ';') {
            return -1;
        }
        Integer cp = NAMED.get(new String(text, nameStart, p - nameStart));
        return cp == null ? -1 : ((long) cp << 32) | (p + 1 - at);
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
