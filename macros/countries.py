"""Countries and customs territories a policy entry may name.

WTO members and observers as the WTO spells them, plus the other UN member states,
so that a participant from any government can share a policy.
"""

from __future__ import annotations

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
