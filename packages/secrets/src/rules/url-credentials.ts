import {defineRule} from '../rule'
import {ALNUM, fake} from './synthetic'

/**
 * Values that are templates or documentation, not passwords; `x-oauth-basic` is the fixed password
 * GitHub documents for a token sent as the URL user (the token itself is found by its own rule).
 */
const TEMPLATED = [
  /\$\{|\$\(|\{\{|%\(|^\$[A-Za-z_]|^<.*>$|^%[A-Za-z_]+%$/,
  /^(?:\*+|x+|\.+|-+)$/i,
  /^x-oauth-basic$/
]
const PLACEHOLDER_WORDS = [
  'password',
  'passwd',
  'changeme',
  'example',
  'placeholder',
  'secret',
  'your',
  'dummy',
  'redacted'
]

const password = (seed: string) => fake(ALNUM, 14, seed) + '!9'

/** user:password@ — the password is group 1; `$` is allowed because real passwords contain it. */
const USERINFO = String.raw`[^\s:@/?#"'<>\x60]{0,100}:([^\s:@/?#"'<>\x60]{6,100})@[A-Za-z0-9[\]._-]+`

/** `url-credentials` accepts any scheme, so it comes last: a database URL keeps its own rule. */
export const urlCredentialRules = [
  defineRule({
    id: 'database-connection-string',
    description:
      'Database / message-broker connection string with a password (MongoDB, Postgres, MySQL, Redis, AMQP, ...)',
    severity: 'critical',
    regex: new RegExp(
      String.raw`\b(?:mongodb(?:\+srv)?|postgres(?:ql)?|mysql|mariadb|redis|rediss|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|neo4j(?:\+s)?|couchdb|cassandra|memcached|nats|kafka|mqtt|db2)(?:\+[a-z0-9]+)?://${USERINFO}`,
      'i'
    ),
    keywords: [
      'mongodb',
      'postgres',
      'mysql',
      'mariadb',
      'redis',
      'amqp',
      'mssql',
      'sqlserver',
      'oracle',
      'cockroachdb',
      'clickhouse',
      'neo4j',
      'couchdb',
      'cassandra',
      'memcached',
      'nats',
      'kafka',
      'mqtt',
      'db2'
    ],
    entropy: 3,
    allowlist: {regexes: TEMPLATED, stopwords: PLACEHOLDER_WORDS},
    rotation:
      'Change the database user password (ALTER USER / the cloud console), update the application secret, and restrict network access to the database.',
    docs: 'https://www.mongodb.com/docs/manual/reference/connection-string/',
    truePositives: [
      `MONGODB_URI=mongodb+srv://app:${password('db-1')}@cluster0.ab12c.mongodb.net/orders?retryWrites=true`,
      `DATABASE_URL=postgresql://billing:${password('db-2')}@db.internal:5432/billing`,
      `REDIS_URL=redis://:${password('db-3')}@cache.internal:6379/0`,
      `SQLALCHEMY_DATABASE_URI = "mysql+pymysql://svc:${password('db-4')}@10.0.0.5/app"`,
      `BROKER_URL=amqps://worker:${password('db-5')}@mq.acme.dev:5671/vhost`
    ],
    falsePositives: [
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
      'MONGODB_URI=mongodb+srv://<user>:<password>@cluster0.mongodb.net/test',
      'DATABASE_URL=postgresql://${DB_USER}:${DB_PASSWORD}@db:5432/app',
      'REDIS_URL=redis://localhost:6379/0'
    ]
  }),
  defineRule({
    id: 'jdbc-connection-string',
    description: 'JDBC URL with a password parameter',
    severity: 'critical',
    regex: /\bjdbc:[a-z0-9]+:[^\s"'<>\x60]{0,300}?[?;&:]password=([^\s;&"'<>\x60]{6,100})/i,
    keywords: ['jdbc:'],
    entropy: 3,
    allowlist: {regexes: TEMPLATED, stopwords: PLACEHOLDER_WORDS},
    rotation:
      'Change the database user password, move it out of the JDBC URL into a secret store, and update the datasource configuration.',
    docs: 'https://jdbc.postgresql.org/documentation/use/#connection-parameters',
    truePositives: [
      `spring.datasource.url=jdbc:postgresql://db.internal:5432/orders?user=orders&password=${password('jdbc-1')}&ssl=true`,
      `url: "jdbc:sqlserver://sql.acme.dev:1433;databaseName=crm;user=crm_app;password=${password('jdbc-2')};encrypt=true"`
    ],
    falsePositives: [
      'jdbc:postgresql://localhost:5432/test?user=test&password=${DB_PASSWORD}',
      'jdbc:mysql://localhost/db?user=root&password=password'
    ]
  }),
  defineRule({
    id: 'sqlserver-connection-string',
    description: 'ADO.NET / ODBC connection string with a password (Password= / Pwd=)',
    severity: 'critical',
    regex:
      /(?:Server|Data Source|Host|Address|Addr)\s*=[^;"'\n]{1,200};[^"'\n]{0,300}?(?:Password|Pwd)\s*=\s*([^;"'\s]{6,100})/i,
    keywords: ['password=', 'pwd='],
    entropy: 3,
    allowlist: {regexes: TEMPLATED, stopwords: PLACEHOLDER_WORDS},
    rotation:
      'Change the SQL login password (ALTER LOGIN ... WITH PASSWORD or the cloud console), prefer managed identity / integrated auth, and keep the connection string in a secret store.',
    docs: 'https://learn.microsoft.com/dotnet/framework/data/adonet/connection-strings',
    truePositives: [
      `"DefaultConnection": "Server=tcp:crm-sql.database.windows.net,1433;Initial Catalog=crm;User ID=crm_app;Password=${password('ado-1')};Encrypt=True;"`,
      `ConnectionString=Data Source=10.1.2.3;Database=erp;Uid=erp;Pwd=${password('ado-2')};`
    ],
    falsePositives: [
      '"DefaultConnection": "Server=(localdb)\\\\mssqllocaldb;Database=app;Trusted_Connection=True;"',
      'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;',
      'Server=db;Database=app;User Id=sa;Password=${SA_PASSWORD};'
    ]
  }),
  defineRule({
    id: 'url-credentials',
    description: 'Password embedded in a URL (scheme://user:password@host)',
    severity: 'high',
    regex: new RegExp(String.raw`\b[a-z][a-z0-9+.-]{0,15}://${USERINFO}`, 'i'),
    keywords: ['://'],
    entropy: 3,
    allowlist: {regexes: TEMPLATED, stopwords: PLACEHOLDER_WORDS},
    rotation:
      'Change the password (or revoke the token) at the service the URL points to, and pass credentials through a secret store or environment variable instead of the URL.',
    docs: 'https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1',
    truePositives: [
      `REGISTRY_URL=https://deploy:${password('url-1')}@nexus.internal.acme.dev/repository/npm/`,
      `proxy = "http://svc-proxy:${password('url-2')}@10.0.3.7:3128"`,
      `ftp://backup:${password('url-3')}@files.acme.dev/dumps`,
      `SOURCE=s3://backup-writer:${password('url-4')}@backups/db.tgz`
    ],
    falsePositives: [
      'https://user:password@example.com/path',
      'https://${USER}:${PASSWORD}@registry.acme.dev',
      'https://deploy:$(cat /run/secrets/token)@git.acme.dev',
      'git@github.com:acme/api.git',
      'https://<username>:<token>@github.com/acme/api.git',
      'https://${GH_TOKEN}:x-oauth-basic@github.com/acme/api.git',
      'git clone https://USERNAME:PERSONAL_ACCESS_TOKEN@github.com/acme/api.git'
    ]
  })
]
