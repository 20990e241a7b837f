import http from 'node:http';
const body = JSON.stringify({ MD5OfMessageBody: 'be50e8478cf24ff3595bc7307fb91b50', MessageId: '2c8b8f8e-0bb5-4e8a-9f1d-6c1f0c4b7e21' });
http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }); res.end(body); }); }).listen(4598, '127.0.0.1');
