exports.handler = (event, context, callback) => {
  callback(null, { style: 'callback', runtime: process.env.AWS_EXECUTION_ENV });
};
