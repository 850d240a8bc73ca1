/** Entry point of the Copydesk language server (`copydesk-lsp --stdio`, or IPC from VS Code). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CopydeskServer } from './server';

const connection = createConnection(ProposedFeatures.all);
new CopydeskServer(connection);
connection.listen();
