"""Stand-in for dom0's XenAPIPlugin module, for running xapi host plugins off a XenServer host.

Written for xe-migrate's tests from the contract of the real module: xapi starts the plugin with
one argument, the XML-RPC call (session reference, dict of string arguments) naming the function;
dispatch() calls fn_table[name](session, args) and prints an XML-RPC response, Status Success with
the returned string as Value, or Status Failure with an ErrorDescription list: [code] + params for
a Failure, XENAPI_PLUGIN_FAILURE for any other exception. The session here is the bare reference
(the real module wraps it in XenAPI.xapi_local()).
"""

import sys
import xmlrpc.client


class Failure(Exception):
    def __init__(self, code, params):
        Exception.__init__(self)
        self.params = [code] + params


def _respond(value):
    print(xmlrpc.client.dumps((value,), "", True))


def dispatch(fn_table):
    if len(sys.argv) != 2:
        raise Exception("Incorrect number of commandline arguments")
    params, name = xmlrpc.client.loads(sys.argv[1])
    session, args = params[0], params[1]
    if name not in fn_table:
        _respond({"Status": "Failure", "ErrorDescription": ["UNKNOWN_XENAPI_PLUGIN_FUNCTION", name]})
        return
    try:
        _respond({"Status": "Success", "Value": fn_table[name](session, args)})
    except Failure as failure:
        _respond({"Status": "Failure", "ErrorDescription": failure.params})
    except Exception as error:  # pylint: disable=broad-except
        _respond({"Status": "Failure",
                  "ErrorDescription": ["XENAPI_PLUGIN_FAILURE", name,
                                       error.__class__.__name__, str(error)]})
