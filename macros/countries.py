"""Countries and customs territories a policy entry may name.

WTO members and observers as the WTO spells them, plus the other UN member states,
so that a participant from any government can share a policy.
"""

from __future__ import annotations

import re
import unicodedata

_NAMES = """
Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia;
Australia; Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium;
Belize; Benin; Bhutan; Bolivia; Bosnia and Herzegovina; Botswana; Brazil; Brunei Darussalam;
Bulgaria; Burkina Faso; Burundi; Cabo Verde; Cambodia; Cameroon; Canada;
Central African Republic; Chad; Chile; China; Colombia; Comoros; Congo; Costa Rica;
Côte d'Ivoire; Croatia; Cuba; Cyprus; Czech Republic; Democratic Republic of the Congo;
Denmark; Djibouti; Dominica; Dominican Republic; Ecuador; Egypt; El Salvador;
Equatorial Guinea; Eritrea; Estonia; Eswatini; Ethiopia; European Union; Fiji; Finland;
France; Gabon; The Gambia; Georgia; Germany; Ghana; Greece; Grenada; Guatemala; Guinea;
Guinea-Bissau; Guyana; Haiti; Holy See; Honduras; Hong Kong, China; Hungary; Iceland; India;
Indonesia; Iran; Iraq; Ireland; Israel; Italy; Jamaica; Japan; Jordan; Kazakhstan; Kenya;
Kiribati; Korea, Republic of; Korea, Democratic People's Republic of; Kuwait;
Kyrgyz Republic; Lao People's Democratic Republic; Latvia; Lebanon; Lesotho; Liberia; Libya;
Liechtenstein; Lithuania; Luxembourg; Macao, China; Madagascar; Malawi; Malaysia; Maldives;
Mali; Malta; Marshall Islands; Mauritania; Mauritius; Mexico; Micronesia;
Moldova, Republic of; Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar; Namibia;
Nauru; Nepal; Netherlands; New Zealand; Nicaragua; Niger; Nigeria; North Macedonia; Norway;
Oman; Pakistan; Palau; Panama; Papua New Guinea; Paraguay; Peru; Philippines; Poland;
Portugal; Qatar; Romania; Russian Federation; Rwanda; Saint Kitts and Nevis; Saint Lucia;
Saint Vincent and the Grenadines; Samoa; San Marino; Sao Tomé and Principe; Saudi Arabia;
Senegal; Serbia; Seychelles; Sierra Leone; Singapore; Slovak Republic; Slovenia;
Solomon Islands; Somalia; South Africa; South Sudan; Spain; Sri Lanka; Sudan; Suriname;
Sweden; Switzerland; Syrian Arab Republic; Chinese Taipei; Tajikistan; Tanzania; Thailand;
Timor-Leste; Togo; Tonga; Trinidad and Tobago; Tunisia; Türkiye; Turkmenistan; Tuvalu;
Uganda; Ukraine; United Arab Emirates; United Kingdom; United States; Uruguay; Uzbekistan;
Vanuatu; Venezuela; Viet Nam; Yemen; Zambia; Zimbabwe
"""

COUNTRIES: frozenset[str] = frozenset(
    name.strip() for name in _NAMES.replace("\n", " ").split(";") if name.strip()
)
"""Every accepted country name, spelt as above."""


CODES: dict[str, str] = {
    "AD": "Andorra",
    "AE": "United Arab Emirates",
    "AF": "Afghanistan",
    "AG": "Antigua and Barbuda",
    "AL": "Albania",
    "AM": "Armenia",
    "AO": "Angola",
    "AR": "Argentina",
    "AT": "Austria",
    "AU": "Australia",
    "AZ": "Azerbaijan",
    "BA": "Bosnia and Herzegovina",
    "BB": "Barbados",
    "BD": "Bangladesh",
    "BE": "Belgium",
    "BF": "Burkina Faso",
    "BG": "Bulgaria",
    "BH": "Bahrain",
    "BI": "Burundi",
    "BJ": "Benin",
    "BN": "Brunei Darussalam",
    "BO": "Bolivia",
    "BR": "Brazil",
    "BS": "Bahamas",
    "BT": "Bhutan",
    "BW": "Botswana",
    "BY": "Belarus",
    "BZ": "Belize",
    "CA": "Canada",
    "CD": "Democratic Republic of the Congo",
    "CF": "Central African Republic",
    "CG": "Congo",
    "CH": "Switzerland",
    "CI": "Côte d'Ivoire",
    "CL": "Chile",
    "CM": "Cameroon",
    "CN": "China",
    "CO": "Colombia",
    "CR": "Costa Rica",
    "CU": "Cuba",
    "CV": "Cabo Verde",
    "CY": "Cyprus",
    "CZ": "Czech Republic",
    "DE": "Germany",
    "DJ": "Djibouti",
    "DK": "Denmark",
    "DM": "Dominica",
    "DO": "Dominican Republic",
    "DZ": "Algeria",
    "EC": "Ecuador",
    "EE": "Estonia",
    "EG": "Egypt",
    "ER": "Eritrea",
    "ES": "Spain",
    "ET": "Ethiopia",
    "EU": "European Union",
    "FI": "Finland",
    "FJ": "Fiji",
    "FM": "Micronesia",
    "FR": "France",
    "GA": "Gabon",
    "GB": "United Kingdom",
    "GD": "Grenada",
    "GE": "Georgia",
    "GH": "Ghana",
    "GM": "The Gambia",
    "GN": "Guinea",
    "GQ": "Equatorial Guinea",
    "GR": "Greece",
    "GT": "Guatemala",
    "GW": "Guinea-Bissau",
    "GY": "Guyana",
    "HK": "Hong Kong, China",
    "HN": "Honduras",
    "HR": "Croatia",
    "HT": "Haiti",
    "HU": "Hungary",
    "ID": "Indonesia",
    "IE": "Ireland",
    "IL": "Israel",
    "IN": "India",
    "IQ": "Iraq",
    "IR": "Iran",
    "IS": "Iceland",
    "IT": "Italy",
    "JM": "Jamaica",
    "JO": "Jordan",
    "JP": "Japan",
    "KE": "Kenya",
    "KG": "Kyrgyz Republic",
    "KH": "Cambodia",
    "KI": "Kiribati",
    "KM": "Comoros",
    "KN": "Saint Kitts and Nevis",
    "KP": "Korea, Democratic People's Republic of",
    "KR": "Korea, Republic of",
    "KW": "Kuwait",
    "KZ": "Kazakhstan",
    "LA": "Lao People's Democratic Republic",
    "LB": "Lebanon",
    "LC": "Saint Lucia",
    "LI": "Liechtenstein",
    "LK": "Sri Lanka",
    "LR": "Liberia",
    "LS": "Lesotho",
    "LT": "Lithuania",
    "LU": "Luxembourg",
    "LV": "Latvia",
    "LY": "Libya",
    "MA": "Morocco",
    "MC": "Monaco",
    "MD": "Moldova, Republic of",
    "ME": "Montenegro",
    "MG": "Madagascar",
    "MH": "Marshall Islands",
    "MK": "North Macedonia",
    "ML": "Mali",
    "MM": "Myanmar",
    "MN": "Mongolia",
    "MO": "Macao, China",
    "MR": "Mauritania",
    "MT": "Malta",
    "MU": "Mauritius",
    "MV": "Maldives",
    "MW": "Malawi",
    "MX": "Mexico",
    "MY": "Malaysia",
    "MZ": "Mozambique",
    "NA": "Namibia",
    "NE": "Niger",
    "NG": "Nigeria",
    "NI": "Nicaragua",
    "NL": "Netherlands",
    "NO": "Norway",
    "NP": "Nepal",
    "NR": "Nauru",
    "NZ": "New Zealand",
    "OM": "Oman",
    "PA": "Panama",
    "PE": "Peru",
    "PG": "Papua New Guinea",
    "PH": "Philippines",
    "PK": "Pakistan",
    "PL": "Poland",
    "PT": "Portugal",
    "PW": "Palau",
    "PY": "Paraguay",
    "QA": "Qatar",
    "RO": "Romania",
    "RS": "Serbia",
    "RU": "Russian Federation",
    "RW": "Rwanda",
    "SA": "Saudi Arabia",
    "SB": "Solomon Islands",
    "SC": "Seychelles",
    "SD": "Sudan",
    "SE": "Sweden",
    "SG": "Singapore",
    "SI": "Slovenia",
    "SK": "Slovak Republic",
    "SL": "Sierra Leone",
    "SM": "San Marino",
    "SN": "Senegal",
    "SO": "Somalia",
    "SR": "Suriname",
    "SS": "South Sudan",
    "ST": "Sao Tomé and Principe",
    "SV": "El Salvador",
    "SY": "Syrian Arab Republic",
    "SZ": "Eswatini",
    "TD": "Chad",
    "TG": "Togo",
    "TH": "Thailand",
    "TJ": "Tajikistan",
    "TL": "Timor-Leste",
    "TM": "Turkmenistan",
    "TN": "Tunisia",
    "TO": "Tonga",
    "TR": "Türkiye",
    "TT": "Trinidad and Tobago",
    "TV": "Tuvalu",
    "TW": "Chinese Taipei",
    "TZ": "Tanzania",
    "UA": "Ukraine",
    "UG": "Uganda",
    "US": "United States",
    "UY": "Uruguay",
    "UZ": "Uzbekistan",
    "VA": "Holy See",
    "VC": "Saint Vincent and the Grenadines",
    "VE": "Venezuela",
    "VN": "Viet Nam",
    "VU": "Vanuatu",
    "WS": "Samoa",
    "YE": "Yemen",
    "ZA": "South Africa",
    "ZM": "Zambia",
    "ZW": "Zimbabwe",
}
"""ISO 3166 two-letter codes (and EU), to the WTO spelling."""

COMMON_NAMES: dict[str, str] = {
    "USA": "United States",
    "U.S.": "United States",
    "U.S.A.": "United States",
    "United States of America": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "GBR": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Britain": "United Kingdom",
    "Ivory Coast": "Côte d'Ivoire",
    "Turkey": "Türkiye",
    "Swaziland": "Eswatini",
    "Burma": "Myanmar",
    "Czechia": "Czech Republic",
    "Slovakia": "Slovak Republic",
    "South Korea": "Korea, Republic of",
    "Republic of Korea": "Korea, Republic of",
    "North Korea": "Korea, Democratic People's Republic of",
    "Taiwan": "Chinese Taipei",
    "Hong Kong": "Hong Kong, China",
    "Macau": "Macao, China",
    "Macao": "Macao, China",
    "Laos": "Lao People's Democratic Republic",
    "Vietnam": "Viet Nam",
    "Russia": "Russian Federation",
    "Syria": "Syrian Arab Republic",
    "Moldova": "Moldova, Republic of",
    "Kyrgyzstan": "Kyrgyz Republic",
    "Gambia": "The Gambia",
    "Cape Verde": "Cabo Verde",
    "Brunei": "Brunei Darussalam",
    "Vatican": "Holy See",
    "Vatican City": "Holy See",
    "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "Congo-Kinshasa": "Democratic Republic of the Congo",
    "Congo-Brazzaville": "Congo",
    "Republic of the Congo": "Congo",
    "Sao Tome and Principe": "Sao Tomé and Principe",
    "St Kitts and Nevis": "Saint Kitts and Nevis",
    "St Lucia": "Saint Lucia",
    "St Vincent and the Grenadines": "Saint Vincent and the Grenadines",
    "Holland": "Netherlands",
    "The Netherlands": "Netherlands",
    "The Bahamas": "Bahamas",
    "Macedonia": "North Macedonia",
    "East Timor": "Timor-Leste",
    "UAE": "United Arab Emirates",
    "Tanzania, United Republic of": "Tanzania",
    "EU": "European Union",
}
"""Names people commonly write, to the WTO spelling."""


def _key(text: str) -> str:
    """Accent-, case- and punctuation-blind form of a name: 'St. Kitts & Nevis' -> 'saint
    kitts and nevis'."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"\bst\.?\s", "saint ", text.replace("&", " and "))
    return " ".join(re.sub(r"[^\w' ]+", " ", text).split())


_LOOKUP: dict[str, str] = {
    **{_key(name): name for name in COUNTRIES},
    **{_key(alias): name for alias, name in COMMON_NAMES.items()},
}


def official_name(text: str) -> str | None:
    """The WTO spelling of a country written another way (a code, a common name, without
    accents), or None when the text names no known country."""
    text = text.strip()
    if text in CODES:
        return CODES[text]
    return _LOOKUP.get(_key(text))
