/** The signal rule language explained for playbook readers and editors (Markdown). */
export const RULE_LANGUAGE_HELP = `## Writing a signal rule

A rule says when a signal shows on an account. The same text is what people read in the
playbook and what automation watches for.

| to say | write | for example |
|---|---|---|
| it happened often enough | \`count(EVENT) >= N within DURATION\` | \`count(pricing_visit) >= 3 within 1d\` |
| it stopped happening | \`no(EVENT) for DURATION\` | \`no(product_login) for 21d\` |
| one thing followed another | \`EVENT then EVENT within DURATION\` | \`webinar_attended then email_clicked where campaign ~ "demo" within 3d\` |
| only some events count | \`EVENT where PROPERTY OP VALUE\` | \`count(web_visit where page ~ "/pricing") >= 3 within 1d\` |
| the account is of a kind | \`ATTRIBUTE OP VALUE\` | \`lifecycle = customer\`, \`plan in [pro, enterprise]\`, \`arr >= 20000\` |
| one of its contacts is | \`contact.ATTRIBUTE OP VALUE\` | \`contact.lifecycle = sql\` |
| combine | \`and\`, \`or\`, \`not\`, \`( )\` | \`no(product_login) for 10d and not count(email_replied) >= 1 within 14d\` |

- **EVENT** is an activity type such as \`web_visit\`, \`pricing_visit\`, \`email_clicked\`,
  \`ticket_opened\`, \`product_login\`, \`feature_used\`, \`survey_answered\`.
- **Counts** compare with \`>=\` (at least), \`>\`, \`=\`, \`<=\`, \`<\` (fewer than). "Fewer than"
  only shows once the account has a whole window of history.
- **Durations** are \`30m\`, \`12h\`, \`3d\`, \`2w\`: rolling lengths counted back from each moment
  (1d is 24 hours, not "today").
- **Properties** are the activity's details (\`page\`, \`subject\`, \`campaign\`, \`sentiment\`,
  \`priority\`, \`outcome\`, \`feature\`, \`kind\`, \`score\`, \`from\`, \`to\`) and its \`department\`.
- **Comparisons**: \`=\` is, \`!=\` is not, \`~\` contains, \`>\` \`>=\` \`<\` \`<=\` for numbers,
  \`in [a, b]\` is one of. Upper and lower case do not matter.
- **Values** are words (\`customer\`), numbers (\`8\`) or "quoted text" (\`"Export fails"\`).
- **Account attributes**: \`lifecycle\`, \`plan\`, \`arr\`, \`industry\`, \`size\`; **contact
  attributes**: \`contact.lifecycle\`, \`contact.title\` (true when any contact matches).
- **\`lifecycle\` follows the timeline**: an account is a \`customer\` from its \`purchase\`,
  \`churned\` from its \`churned\` event (a customer again after a later purchase), and a
  \`prospect\` before its first purchase; without either event it keeps its stored stage. So
  \`lifecycle = customer and no(product_login) for 21d\` looks at the time the account was a
  customer. The other attributes are today's values at every moment.
- \`not\` comes first, then \`and\`, then \`or\`: \`a or b and c\` means \`a or (b and c)\`.
  Add parentheses when in doubt.
- \`#\` starts a note to the end of the line. A rule may span several lines.

\`\`\`
# Evaluating: pricing page three times in one day
count(pricing_visit) >= 3 within 1d
  and lifecycle in [lead, prospect]
\`\`\`
`;
